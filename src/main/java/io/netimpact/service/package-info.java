/**
 * The review service's own bookkeeping, in plain Java: a request's outcome (a row of
 * {@code serve_log}), who holds a change id, and how many requests to take at once.
 */
package io.netimpact.service;
