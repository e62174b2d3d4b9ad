package dev.gen4j.agent.instrument;

import dev.gen4j.agent.analysis.YieldSite;
import java.util.List;

/**
 * What the rewrite does at one Yield call: save {@code saved}, clear the {@code released} Object
 * fields (they may still hold values of another point, which must not be kept alive), set the
 * state to {@code state}, and on resume restore {@code saved}.
 *
 * @param state the frame's state while suspended here: 1 for the first site, in instruction order
 * @param site the call and what the analysis knows of it
 * @param saved the live locals and waiting stack values, and their fields
 * @param released the Object fields this point does not use
 */
record YieldPlan(int state, YieldSite site, Snapshot saved, List<String> released) {
}
