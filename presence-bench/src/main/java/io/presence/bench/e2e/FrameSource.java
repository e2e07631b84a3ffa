package io.presence.bench.e2e;

/** A contender's output side: hands every frame it receives to the sink set last. */
interface FrameSource {

    void deliverTo(FrameSink sink);
}
