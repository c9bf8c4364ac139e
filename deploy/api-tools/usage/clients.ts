// What a front-end team writes against the TypeScript clients that openapi-typescript generates from the four
// services' OpenAPI documents (deploy/target/api-clients, written by ApiDocumentsTest). It type-checks only
// while the documents keep their operationIds, request and response schemas and problem+json errors.
import type { operations as Project } from '../../target/api-clients/project-service';
import type { operations as Indicator } from '../../target/api-clients/indicator-service';
import type { operations as Approval } from '../../target/api-clients/approval-service';
import type { operations as Reporting } from '../../target/api-clients/reporting-service';

type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type ProblemOf<R> = R extends { content: { 'application/problem+json': infer B } } ? B : never;

// project-service: declare the seed's 学前教育公用经费 and read what comes back
export const declaration: Body<Project['createProject']> = {
  externalRef: 'JC-CQ-2025-002',
  budgetYear: 2025,
  name: '城区学前教育公用经费',
  departmentCode: '034',
  departmentName: '晋城市城区教育局',
  attribute: '经常性项目（长期开展）',
  funding: '4515600',
  indicators: [{ level1: '产出指标', level2: '数量指标', name: '保障幼儿园数', target: '≥33所' }],
};
export function describe(created: Json<Project['createProject']['responses'][201]>): string {
  return `${created.name ?? ''} ${created.status ?? ''} r${created.revision ?? 0}: ${created.funding ?? ''} 元`;
}
export const imported: Body<Project['importDocuments']> = [declaration];
export function staleWrite(problem: ProblemOf<Project['replaceProject']['responses'][412]>): string[] {
  return (problem.errors ?? []).map((e) => `${e.pointer}: ${e.message}`);
}
export const projectPage: Json<Project['listProjects']['responses'][200]>['items'] = [];
export function missing(problem: ProblemOf<Project['getProject']['responses'][404]>): number | undefined {
  return problem.status;
}

// indicator-service: the pre-review of a document, and the meaning of one target
export function findings(result: Json<Indicator['check']['responses'][200]>): string[] {
  return (result.findings ?? []).map((f) => `${f.severity}: ${f.messageZh}`);
}
export const checked: Body<Indicator['check']> = declaration;

// approval-service: return a case with comments, as the decision example of the document does
export const decision: Body<Approval['decide']> = {
  action: 'RETURN',
  comment: '请补充保障幼儿数的统计口径后重新申报',
  comments: [{ indicatorIndex: 1, text: '保障幼儿数 ≥7526人：请注明统计口径' }],
};
export function caseLine(c: Json<Approval['decide']['responses'][200]>): string {
  return `${c.projectName ?? ''} ${c.status ?? ''}`;
}
export function conflict(problem: ProblemOf<Approval['decide']['responses'][409]>): string | undefined {
  return problem.detail;
}

// reporting-service: the year's summary table
export function summaryRows(summary: Json<Reporting['summaryReport']['responses'][200]>): number {
  return (summary.rows ?? []).length;
}
export function forbidden(problem: ProblemOf<Reporting['summaryReport']['responses'][403]>): string | undefined {
  return problem.title;
}
