package city.hotline.infra;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a secondary index entry is kept in the store's file: its key values and its document's position,
 * each written as H2 writes any value (a missing value as a marker), ordered as queries compare them.
 */
final class IndexEntryType extends BasicDataType<SecondaryIndex.Entry> {
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    /** A rough size for H2's cache accounting: the entry, its array and small values. */
    private static final int BASE_MEMORY = 48;
    private static final int MEMORY_PER_VALUE = 40;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int getMemory(SecondaryIndex.Entry entry) {
        return BASE_MEMORY + MEMORY_PER_VALUE * (entry.values().length + 1);
    }

    @Override
    public void write(WriteBuffer buffer, SecondaryIndex.Entry entry) {
        buffer.putVarInt(entry.values().length);
        for (Object value : entry.values()) {
            writeValue(buffer, value);
        }
        writeValue(buffer, entry.position());
    }

    @Override
    public SecondaryIndex.Entry read(ByteBuffer buffer) {
        Object[] keyValues = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] = readValue(buffer);
        }
        return new SecondaryIndex.Entry(keyValues, readValue(buffer));
    }

    @Override
    public int compare(SecondaryIndex.Entry a, SecondaryIndex.Entry b) {
        return SecondaryIndex.ORDER.compare(a, b);
    }

    @Override
    public SecondaryIndex.Entry[] createStorage(int size) {
        return new SecondaryIndex.Entry[size];
    }

    private void writeValue(WriteBuffer buffer, Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else {
            buffer.put(VALUE);
            values.write(buffer, value);
        }
    }

    private Object readValue(ByteBuffer buffer) {
        return buffer.get() == NULL ? null : values.read(buffer);
    }
}
