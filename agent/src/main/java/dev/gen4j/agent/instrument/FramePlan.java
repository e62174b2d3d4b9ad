package dev.gen4j.agent.instrument;

import java.util.List;

/**
 * Where a generator body keeps its values: the arguments until it first runs, what each Yield
 * call saves, and the value fields that hold them all (made by {@link FrameLayout}).
 *
 * @param entry the arguments, which the constructor stores and state 0 restores
 * @param yields one plan per Yield call, in state order
 * @param fields every value field of the frame class, by kind ({@link Slot.Kind}) then index
 */
record FramePlan(Snapshot entry, List<YieldPlan> yields, List<FrameShape.Field> fields) {
}
