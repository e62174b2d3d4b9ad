package dev.gen4j.agent.instrument;

import org.objectweb.asm.Opcodes;

/**
 * Every name of the gen4j runtime that instrumentation reads or emits, in one place. The agent
 * does not link against the runtime: these strings are the whole contract between them.
 */
public final class Names {
    private Names() {
    }

    /** ASM API level used by every visitor. */
    public static final int ASM_API = Opcodes.ASM9;

    public static final String GENERATOR_DESC = "Ldev/gen4j/Generator;";
    /** The package of the runtime calls and marker, apart from the user's {@code dev.gen4j}. */
    private static final String RUNTIME = "dev/gen4j/runtime/";
    /**
     * Class-level marker added to every class we rewrote (GenProtocol.Instrumented, visible at
     * run time): a class is never rewritten twice. It stays where it is when the protocol
     * changes, and names the protocol, so a class of any later protocol is recognised too.
     */
    public static final String INSTRUMENTED_DESC = "L" + RUNTIME + "GenProtocol$Instrumented;";
    /** The marker of protocol 3, which named its protocol too but lived in the user's package. */
    public static final String PROTOCOL_3_INSTRUMENTED_DESC = "Ldev/gen4j/GenProtocol$Instrumented;";
    /** The marker of protocol 2 and before, so that such classes are recognised and refused. */
    public static final String LEGACY_INSTRUMENTED_DESC = "Ldev/gen4j/Instrumented;";
    /** The marker's element naming the protocol between rewritten code and the runtime. */
    public static final String INSTRUMENTED_PROTOCOL = "protocol";
    /**
     * GenProtocol.VERSION: raised whenever the calls rewritten code makes into the runtime
     * change. A class rewritten for another protocol must be compiled and instrumented again;
     * the runtime refuses it at its first use. Protocol 4 moved them to dev.gen4j.runtime.
     */
    public static final int PROTOCOL_VERSION = 4;

    /** Whether an annotation of a class is gen4j's marker, of this protocol or an earlier one. */
    public static boolean isInstrumentedMarker(String descriptor) {
        return descriptor.equals(INSTRUMENTED_DESC) || descriptor.equals(PROTOCOL_3_INSTRUMENTED_DESC)
                || descriptor.equals(LEGACY_INSTRUMENTED_DESC);
    }

    public static final String GEN = "dev/gen4j/Gen";
    /** A generator lambda is a lambda of this type passed to Gen.generate. */
    public static final String GEN_BODY = "dev/gen4j/GenBody";
    public static final String GEN_BODY_DESC = "L" + GEN_BODY + ";";
    public static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    /** What a rewritten generator lambda calls, in place of its code, with the frame it created. */
    public static final String LAMBDA_CREATED = "lambdaCreated";
    public static final String LAMBDA_CREATED_DESC = "(Ldev/gen4j/Gen;)V";
    public static final String GEN_DESC = "L" + GEN + ";";

    public static final String YIELD = "dev/gen4j/Yield";
    public static final String YIELD_NOW = "now";
    public static final String YIELD_NOW_DESC = "()Ljava/lang/Object;";
    public static final String YIELD_NOW_VALUE_DESC = "(Ljava/lang/Object;)Ljava/lang/Object;";
    public static final String YIELD_FROM = "from";
    public static final String YIELD_FROM_DESC = "(Ldev/gen4j/Gen;)Ljava/lang/Object;";

    /** The runtime calls of rewritten bodies; see dev.gen4j.runtime.GenProtocol. */
    public static final String PROTOCOL = RUNTIME + "GenProtocol";
    public static final String DELEGATE = "delegate";
    public static final String DELEGATE_DESC = "(Ldev/gen4j/Gen;Ldev/gen4j/Gen;)Ljava/lang/Object;";
    public static final String RETURNED = "returned";
    public static final String RETURNED_DESC = "(Ldev/gen4j/Gen;Ljava/lang/Object;)Ljava/lang/Object;";
    /**
     * {@code Gen.done()} and {@code Gen.done(v)} in a body call these instead: the public ones are
     * then called only from code that was not rewritten, where they check for an uninstrumented
     * {@code @Generator} (at the cost of a look at the caller).
     */
    public static final String DONE = "done";
    public static final String DONE_DESC = "()Ldev/gen4j/Gen;";
    public static final String DONE_VALUE_DESC = "(Ljava/lang/Object;)Ldev/gen4j/Gen;";
    public static final String RESUMED = "resumed";
    public static final String RESUMED_DESC = "(Ldev/gen4j/Gen;)Ljava/lang/Object;";
    /** Fixed for every protocol from 4 on: the bootstrap that refuses a class of another protocol. */
    public static final String LINK_FRAME = "linkFrame";
    public static final String LINK_FRAME_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;I[Ljava/lang/String;)Ljava/lang/invoke/CallSite;";
    /**
     * The frame class's bytes travel as Latin-1 strings of at most this many characters: a
     * constant's UTF-8 form must fit in 65,535 bytes, and a Latin-1 character takes at most two.
     */
    public static final int FRAME_BYTES_CHUNK = 32_767;
    /** Bootstrap of the frame's call of its body: a private method of the host, reached exactly. */
    public static final String LINK_BODY = "linkBody";
    public static final String LINK_BODY_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";

    /** Gen's methods that a frame class overrides. */
    public static final String RESUME = "resume";
    public static final String RESUME_DESC = "()Ljava/lang/Object;";
    public static final String NAME = "name";
    public static final String NAME_DESC = "()Ljava/lang/String;";

    /**
     * Frame classes are named {@code Host~method}, and a body whose name and descriptor the class
     * already uses is named {@code method~gen}: '~' cannot appear in a Java identifier, so no
     * class or method the user writes can collide with them.
     */
    public static final String FRAME_INFIX = "~";
    public static final String BODY_SUFFIX = "~gen";
    public static final String FRAME_STATE = "state";
    public static final String FRAME_SELF = "self";

    /** The body method returns the frame itself to say "suspended". */
    public static final String BODY_RETURN_DESC = "Ljava/lang/Object;";

    /** Class-file version below which we raise to Java 8 (invokedynamic and stack map frames). */
    public static final int MIN_VERSION = Opcodes.V1_8;
}
