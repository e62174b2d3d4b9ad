package dev.gen4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module gen4j-core's classes make (the tests themselves run on the class path; the module
 * path and jlink are run by src-it's ModuleIT).
 */
class ModuleDescriptorTest {
    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(Gen.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("dev.gen4j").orElseThrow().descriptor();
    }

    @Test
    void coreIsTheModuleDevGen4jExportingEveryPackageItHas() throws Exception {
        ModuleDescriptor module = descriptor();
        Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("dev.gen4j", "dev.gen4j.sched", "dev.gen4j.runtime")), exported);
        assertEquals(new TreeSet<>(module.packages()), exported, "a package of core that is not exported");
    }

    @Test
    void coreNeedsNoModuleButJavaBase() throws Exception {
        assertEquals(Set.of("java.base"), descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet()));
    }
}
