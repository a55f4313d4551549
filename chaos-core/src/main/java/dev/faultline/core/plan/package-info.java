/**
 * Plans and blast radius: when each action of an experiment starts and ends (from the startAfter
 * graph and the catalog's duration parameters), how long the experiment lasts, how many actions
 * run at once, and, per target, how much of the fleet the experiment can harm.
 */
@FaultlineStyle
package dev.faultline.core.plan;

import dev.faultline.core.FaultlineStyle;
