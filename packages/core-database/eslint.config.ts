import { repoConfig } from "@repo/eslint-config";

export default repoConfig(import.meta.dirname);
