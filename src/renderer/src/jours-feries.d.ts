// @socialgouv/jours-feries ships CommonJS without types: one function from a year to its public holidays,
// keyed by their French names, as local-midnight dates.
declare module '@socialgouv/jours-feries' {
  function getJoursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
  export default getJoursFeries;
}
