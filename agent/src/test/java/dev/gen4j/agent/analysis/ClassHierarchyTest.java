package dev.gen4j.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ClassHierarchyTest {
    @Test
    void aHierarchyDoesNotKeepItsClassLoaderAlive() throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[0], null);
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        ClassHierarchy hierarchy = ClassHierarchy.of(loader);
        assertEquals("java/lang/Object", hierarchy.info("java/lang/String").superName());
        loader.close();
        loader = null;
        // Collection is not promised by one gc(): ask until it happens or the bound runs out.
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
        }
        assertNull(ref.get(), "the hierarchy kept its loader reachable");
        assertEquals("java/lang/Object", hierarchy.info("java/lang/Number").superName());
    }
}
