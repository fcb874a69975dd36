/** The plan file's types, generated from schemas/plan.schema.json so that the two cannot drift. */
export type {
  MapcPlan as PlanFile,
  Objective as ObjectiveFile,
  Indicator as IndicatorFile,
  CommitteeReport as ReportFile,
  MediumTermStrategy as StrategyFile,
  FundingLine as FundingLineFile,
} from './generated/plan-file.js';
