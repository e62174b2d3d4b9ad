package dev.gen4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen4j.Gen;
import dev.gen4j.agent.analysis.ClassHierarchy;
import dev.gen4j.agent.analysis.RuntimeTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The agent knows gen4j-core's public types without their class files (ahead-of-time
 * instrumentation needs no --classpath for them): its table must say what the class files say.
 */
class RuntimeTypesTest {
    @Test
    void theAgentsTableOfRuntimeTypesMatchesEveryPublicClassOfCore() throws Exception {
        Path classes = Path.of(Gen.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                ClassReader r = new ClassReader(Files.readAllBytes(f));
                if ((r.getAccess() & Opcodes.ACC_PUBLIC) == 0 || r.getClassName().endsWith("/package-info")
                        || r.getClassName().equals("module-info")) {
                    continue;
                }
                expected.add(RuntimeTypes.line(new ClassHierarchy.TypeInfo(r.getClassName(), r.getSuperName(),
                        r.getInterfaces(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0, true)));
            }
        }
        List<String> bundled = RuntimeTypes.all().values().stream().map(RuntimeTypes::line).toList();
        assertEquals(String.join("\n", expected), String.join("\n", bundled),
                "agent/src/main/resources/dev/gen4j/agent/analysis/" + RuntimeTypes.RESOURCE
                        + " is out of date; its lines must be (after the comment lines):\n"
                        + String.join("\n", expected) + "\n");
    }
}
