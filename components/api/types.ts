// Shapes the browser builds itself. The API's answers are the server's *View types, imported
// type-only from the module that maps them (docs/architecture.md, "Wire types").

export interface SiteOption {
  slug: string;
  name: string;
}
