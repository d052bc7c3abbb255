/**
 * The stored baseline's files and manifest: what a warm review reads instead of compiling and
 * routing the base again, and how a store that does not match its snapshot is refused.
 */
package io.netimpact.store;
