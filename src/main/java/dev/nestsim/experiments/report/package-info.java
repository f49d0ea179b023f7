/**
 * An experiment's report: its results drawn as the paper's kind of figures (normalised performance with 95% intervals,
 * microbenchmark cycles on a log axis, CPU per level, exit profiles per level) with JFreeChart on JFreeSVG's
 * {@code Graphics2D}, and one self-contained HTML page that inlines them. Figures are made from the stored results only,
 * so a chart and the results resource always show the same numbers.
 */
package dev.nestsim.experiments.report;
