/** The API-key resource ({@code /api/v1/api-keys}): issue a key (its secret shown once), list, read and revoke keys. */
package dev.nestsim.security.web;
