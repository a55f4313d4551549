/**
 * The startAfter graph of an experiment's actions: their order, their unknown references and
 * their cycles, computed once in linear time for both the validator and the plan.
 */
package dev.faultline.core.graph;
