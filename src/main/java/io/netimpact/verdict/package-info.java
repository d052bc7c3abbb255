/**
 * What a change did, and the verdict on it: the impact records per link, demand, LSP, policy
 * and class of service, a scenario's summary and report, the thresholds and the rules that give
 * SAFE/RISK/BLOCK and their reasons. Plain values and rules over them; depends on nothing of
 * netimpact, and the impact engine fills them in.
 */
package io.netimpact.verdict;
