export { repoGuards } from "./plugin";
