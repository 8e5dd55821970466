export interface Story {
  id: string;
  title: string;
  documentIds: string[];
}
