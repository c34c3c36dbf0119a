/** Required by the boundaries' CC BY 4.0 licence wherever they are shown (data/ATTRIBUTION.md). */
export const GEO_ATTRIBUTION =
  'Boundaries: geokz, Alexander Rodionov; based on the Bureau of National Statistics of Kazakhstan and OCHA COD-AB (CC BY 4.0)';
