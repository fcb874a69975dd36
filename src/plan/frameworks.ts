/**
 * The national frameworks that objectives' `national` codes point into, with the official
 * wording of each objective. Quality Protects is worded as in Appendix A of the Isle of
 * Wight's Paper B (30 April 2002); Every Child Matters as the five outcomes of 2003.
 */
export type FrameworkId = 'quality-protects' | 'every-child-matters';

export interface NationalObjective {
  code: string;
  wording: string;
}

export interface Framework {
  id: FrameworkId;
  name: string;
  objectives: readonly NationalObjective[];
}

const QUALITY_PROTECTS: Framework = {
  id: 'quality-protects',
  name: 'Quality Protects',
  objectives: [
    { code: 'QP1', wording: 'To ensure that children are securely attached to carers capable of providing safe and effective care for the duration of childhood.' },
    { code: 'QP2', wording: 'To ensure that children are protected from emotional, physical and sexual abuse and neglect.' },
    { code: 'QP3', wording: 'To ensure that children in need gain the maximum life chance benefits from education opportunities, health care and social care.' },
    { code: 'QP4', wording: 'To ensure that children looked after gain the maximum life chance benefits from educational opportunities, health care and social care.' },
    { code: 'QP5', wording: 'To ensure that young people leaving care as they enter adulthood are not isolated and participate socially and economically as citizens.' },
    { code: 'QP6', wording: 'To ensure that children with specific social needs arising out of disability or a health condition are living in families or other appropriate settings in the community where their assessed needs are adequately met and reviewed.' },
    { code: 'QP7', wording: 'To ensure that referral and assessment processes discriminate effectively between different types and levels of need and produce a timely response.' },
    { code: 'QP8', wording: 'To actively involve users and carers in planning services and in tailoring individual packages of care, and to ensure effective mechanisms are in place to handle complaints.' },
    { code: 'QP9', wording: 'To ensure through regulatory powers and duties that children in regulated services are protected from harm and poor care standards.' },
    { code: 'QP10', wording: 'To ensure that social care workers are appropriately skilled, trained and qualified, and to promote the uptake of training at all levels.' },
    { code: 'QP11', wording: 'To maximize the benefit to service users from the resources available and to demonstrate the effectiveness and value for money of the care and support provided, and allow for choice and different responses for different needs and circumstances.' },
  ],
};

const EVERY_CHILD_MATTERS: Framework = {
  id: 'every-child-matters',
  name: 'Every Child Matters',
  objectives: [
    { code: 'ECM1', wording: 'Be healthy' },
    { code: 'ECM2', wording: 'Stay safe' },
    { code: 'ECM3', wording: 'Enjoy and achieve' },
    { code: 'ECM4', wording: 'Make a positive contribution' },
    { code: 'ECM5', wording: 'Achieve economic well-being' },
  ],
};

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
  'quality-protects': QUALITY_PROTECTS,
  'every-child-matters': EVERY_CHILD_MATTERS,
};

export function findNationalObjective(framework: Framework, code: string): NationalObjective | undefined {
  return framework.objectives.find((objective) => objective.code === code);
}
