import { checkPlanSource } from '../../src/plan/check-plan.js';

/** A valid strategy plan to build test cases from: no rule fires on it. */
export const MINIMAL_PLAN = `mapc: 1
id: test-plan
kind: strategy
title: Test plan
authority: Test Council
period: 2002-03
objectives:
  - id: first
    title: First objective
`;

/** The problems of a plan's text as "code line:column" strings, the form tests compare. */
export function problemsOf(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column}`);
}
