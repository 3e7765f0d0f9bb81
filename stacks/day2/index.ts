export { compareDeployStacks } from "./compare";
export { compareWithPrevious, deployStackFile } from "./previous-output";
export { LogsAtRiskError, losesLogs, type Day2Action, type Day2Change, type Day2Comparison, type Day2Outcome } from "./change";
