package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gen4j.Gen;
import dev.gen4j.Generator;
import dev.gen4j.Yield;
import dev.gen4j.testing.Instrumented;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What debuggers read of an instrumented class (API.md §1, Debugging), checked on the class
 * files of the rewrite's other tests: DebuggerIT drives a real debugger over a small program.
 */
class DebugInfoTest {
    private static final String[] HOSTS = {
        "dev.gen4j.rewrite.ConstructsTest", "dev.gen4j.rewrite.Pep380Test", "dev.gen4j.rewrite.DelegationAndThreadsTest",
        "dev.gen4j.rewrite.shapes.Lambdas", "dev.gen4j.sched.SchedulerTest",
        "dev.gen4j.rewrite.DebugInfoTest",
    };

    static String[] hosts() {
        return HOSTS;
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void everyLocalVariableRangeCoversOnlyCodeWhereItsSlotHoldsAValueOfItsType(String host) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (MethodNode body : bodies(host)) {
            Type[] params = Type.getArgumentTypes(body.desc);
            Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze("java/lang/Object", body);
            BasicInterpreter types = new BasicInterpreter();
            for (LocalVariableNode v : body.localVariables) {
                BasicValue expected = types.newValue(Type.getType(v.desc));
                for (int i = body.instructions.indexOf(v.start); i < body.instructions.indexOf(v.end); i++) {
                    if (frames[i] != null && !frames[i].getLocal(v.index).equals(expected)) {
                        wrong.add(body.name + body.desc + " " + v.name + " at instruction " + i);
                        break;
                    }
                }
            }
            assertEquals(Names.GEN_DESC, params[0].getDescriptor(), body.name + body.desc);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void factoriesHaveNoLineSoABreakpointOnTheFirstLineStopsOnlyInTheBody() throws Exception {
        List<String> withLines = new ArrayList<>();
        for (String host : HOSTS) {
            for (MethodNode m : classNode(host).methods) {
                boolean createsFrame = false;
                boolean hasLine = false;
                for (AbstractInsnNode insn : m.instructions) {
                    createsFrame |= insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getName().equals("linkFrame");
                    hasLine |= insn instanceof LineNumberNode;
                }
                if (createsFrame && hasLine) {
                    withLines.add(host + "." + m.name + m.desc);
                }
            }
        }
        assertEquals(List.of(), withLines);
    }

    @Generator
    static Gen<Integer> threeLocals(int n, long big) {
        String s = "x" + n;
        Yield.now(n);
        Yield.now(s.length() + (int) big + n);
        return Gen.done();
    }

    @Generator
    static Gen<Integer> oneFieldForTwoLocals() {
        {
            int a = 1;
            Yield.now(a);
            Yield.now(a);
        }
        {
            int b = 2;
            Yield.now(b);
            Yield.now(b);
        }
        return Gen.done();
    }

    @Test
    void aSuspendedGeneratorHoldsEachLocalInAFieldNamedAfterIt() {
        Gen<Integer> g = threeLocals(3, 4L);
        g.next();
        assertEquals(List.of("big=4", "n=3", "s=x3", "state=1"), fields(g));
    }

    @Test
    void aFieldThatHoldsDifferentLocalsAtDifferentYieldsKeepsItsKindsName() {
        Gen<Integer> g = oneFieldForTwoLocals();
        g.next();
        assertEquals(List.of("i0=1", "state=1"), fields(g));
    }

    private static List<String> fields(Gen<?> g) {
        List<String> shown = new ArrayList<>();
        for (Field f : g.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            try {
                shown.add(f.getName() + "=" + f.get(g));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        shown.sort(null);
        return shown;
    }

    /** The rewritten bodies of a class: its methods taking the frame first. */
    private static List<MethodNode> bodies(String host) throws Exception {
        List<MethodNode> bodies = new ArrayList<>();
        for (MethodNode m : classNode(host).methods) {
            if (m.desc.startsWith("(" + Names.GEN_DESC) && m.localVariables != null && !m.localVariables.isEmpty()
                    && Arrays.stream(m.instructions.toArray()).anyMatch(i -> i instanceof LineNumberNode)) {
                bodies.add(m);
            }
        }
        assertFalse(bodies.isEmpty(), "no bodies in " + host);
        return bodies;
    }

    private static ClassNode classNode(String host) throws Exception {
        Instrumented.Emitted e = Instrumented.instrument(Class.forName(host));
        ClassNode node = new ClassNode();
        new ClassReader(e.host()).accept(node, 0);
        return node;
    }

    /** Names the rewrite uses. */
    private static final class Names {
        static final String GEN_DESC = "Ldev/gen4j/Gen;";
    }
}
