package io.presence.bench.e2e;

/** A contender's output side: hands every frame it receives to the sink set last. */
interface FrameSource {

    void deliverTo(FrameSink sink);

    /** A source that never delivers anything, where a contender has no such stage to watch. */
    FrameSource NONE = sink -> { };
}
