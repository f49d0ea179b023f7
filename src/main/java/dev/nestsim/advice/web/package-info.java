/** The advisor's HTTP face: POST /api/v1/advice, read, list, cancel and server-sent events. */
package dev.nestsim.advice.web;
