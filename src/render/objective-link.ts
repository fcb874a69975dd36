/** How a view links to one of the plan's objectives: its anchor in the page, its number and title. */
export interface ObjectiveLink {
  id: string;
  anchor: string;
  number: string;
  title: string;
}
