package dev.gen4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * demo.Countdown under a debugger (JDI), with the agent: breakpoints by source line, steps, and
 * the values a debugger shows. Events are taken one at a time; the program stays suspended
 * (all threads) at each until {@link #resume()}.
 */
final class Debuggee implements AutoCloseable {
    private static final long EVENT_DEADLINE_MS = SampleProcess.DEADLINE.toMillis();

    private final VirtualMachine vm;
    private final List<Integer> breakpointLines = new ArrayList<>();
    private EventSet current;

    private Debuggee(VirtualMachine vm) {
        this.vm = vm;
    }

    /** Starts demo.Countdown suspended; breakpoints are set on the given lines once its class loads. */
    static Debuggee launch(int... lines) throws Exception {
        return launch(DemoProgram.MAIN, lines);
    }

    /** Starts the program suspended; breakpoints are set on the given lines of {@code main} once it loads. */
    static Debuggee launch(String main, int... lines) throws Exception {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = connector.defaultArguments();
        args.get("home").setValue(Path.of(DemoProgram.JAVA).getParent().getParent().toString());
        args.get("options").setValue("-javaagent:" + DemoProgram.AGENT + " -cp "
                + DemoProgram.classPath(DemoProgram.classes()));
        args.get("main").setValue(main);
        Debuggee debuggee = new Debuggee(connector.launch(args));
        for (int line : lines) {
            debuggee.breakpointLines.add(line);
        }
        ClassPrepareRequest prepare = debuggee.vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(main);
        prepare.enable();
        return debuggee;
    }

    /**
     * Resumes the program and returns the next breakpoint or step event, or null once the program
     * has ended.
     */
    LocatableEvent next() throws Exception {
        resume();
        while (true) {
            current = vm.eventQueue().remove(EVENT_DEADLINE_MS);
            if (current == null) {
                fail("the program neither stopped nor ended within " + EVENT_DEADLINE_MS + " ms");
            }
            for (Event e : current) {
                if (e instanceof ClassPrepareEvent prepared) {
                    setBreakpoints(prepared.referenceType());
                } else if (e instanceof BreakpointEvent || e instanceof StepEvent) {
                    return (LocatableEvent) e;
                } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                    current = null;
                    return null;
                }
            }
            current.resume();
            current = null;
        }
    }

    void resume() {
        if (current != null) {
            current.resume();
            current = null;
        } else {
            vm.resume();
        }
    }

    /** A step of one source line from where {@code thread} stopped, not into gen4j's runtime or the JDK. */
    void step(ThreadReference thread, int depth) {
        for (StepRequest old : new ArrayList<>(vm.eventRequestManager().stepRequests())) {
            vm.eventRequestManager().deleteEventRequest(old);
        }
        StepRequest step = vm.eventRequestManager().createStepRequest(thread, StepRequest.STEP_LINE, depth);
        for (String skipped : List.of("dev.gen4j.*", "java.*", "jdk.*", "sun.*")) {
            step.addClassExclusionFilter(skipped);
        }
        step.addCountFilter(1);
        step.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        step.enable();
    }

    /** Every local the debugger shows at the top frame, by name: reading any of them must work. */
    static Map<String, String> locals(LocatableEvent at) throws IncompatibleThreadStateException,
            AbsentInformationException {
        StackFrame frame = at.thread().frame(0);
        List<LocalVariable> visible = frame.visibleVariables();
        Map<LocalVariable, Value> values = frame.getValues(visible);
        Map<String, String> shown = new TreeMap<>();
        values.forEach((variable, value) -> shown.put(variable.name(), String.valueOf(value)));
        return shown;
    }

    /** The line the named method of the stack (innermost first) is at. */
    static int lineOf(ThreadReference thread, String method) throws IncompatibleThreadStateException {
        for (StackFrame frame : thread.frames()) {
            if (frame.location().method().name().equals(method)) {
                return frame.location().lineNumber();
            }
        }
        throw new AssertionError(method + " is not on the stack of " + thread.name());
    }

    static String describe(Location location) {
        return location.declaringType().name() + "." + location.method().name() + location.method().signature()
                + ":" + location.lineNumber();
    }

    private void setBreakpoints(ReferenceType type) throws AbsentInformationException {
        for (int line : breakpointLines) {
            List<Location> locations = type.locationsOfLine(line);
            if (locations.isEmpty()) {
                fail("no code at " + type.name() + ":" + line);
            }
            for (Location location : locations) {
                var request = vm.eventRequestManager().createBreakpointRequest(location);
                request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
                request.enable();
            }
        }
    }

    VirtualMachine vm() {
        return vm;
    }

    /** Everything the program wrote on standard output; call once it has ended. */
    String stdout() throws IOException {
        return new String(vm.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** What the program wrote on standard error (gen4j reports problems there). */
    String stderr() throws IOException {
        InputStream err = vm.process().getErrorStream();
        return new String(err.readNBytes(err.available()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            vm.exit(0);
        } catch (com.sun.jdi.VMDisconnectedException ended) {
            // Already gone.
        }
    }
}
