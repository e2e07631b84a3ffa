package io.presence.streams.storage;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array to encode one store value into. Unlike {@link java.io.ByteArrayOutputStream}
 * its writes are not synchronized: Avro's direct encoder writes a value a field at a time, and the lock
 * taken per field was a quarter of the liveness encoding's time in the fold's profile.
 */
public final class ValueBytes extends OutputStream {

    private byte[] bytes;
    private int size;

    public ValueBytes(int expectedSize) {
        bytes = new byte[expectedSize];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
