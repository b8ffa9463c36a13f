import { repoConfig } from "./src/index";

export default repoConfig(import.meta.dirname);
