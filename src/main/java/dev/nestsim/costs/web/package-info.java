/** HTTP endpoints of exit costs and microbenchmarks: thin controllers over {@code CascadeService}. */
package dev.nestsim.costs.web;
