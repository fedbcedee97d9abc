package org.cardiacrnn.nn.fast;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to an ND4J array's native memory from Java, for the layer's element-wise glue: reordering
 * between layouts, products of gates and states. Done in a Java loop, such work costs about a nanosecond per
 * element with any strides, where an ND4J op costs 10-20 microseconds to launch and is several times slower
 * on strided views. Transcendental functions stay in ND4J, whose kernels are vectorised.
 *
 * <p>Indices are absolute element positions in the array's buffer: {@link #at} adds the array's offset. The
 * product networks are float; double exists for the precision tests.
 */
abstract sealed class Values permits Values.Floats, Values.Doubles {

    private final int offset;

    private Values(INDArray array) {
        this.offset = Math.toIntExact(array.offset());
    }

    static Values of(INDArray array) {
        if (array.dataType() == DataType.FLOAT) {
            return new Floats(array);
        }
        if (array.dataType() == DataType.DOUBLE) {
            return new Doubles(array);
        }
        throw new IllegalArgumentException("FastBidirectionalLstm works in float or double; got " + array.dataType());
    }

    /** The absolute position of the element at linear position {@code index} of a contiguous array. */
    final int at(int index) {
        return offset + index;
    }

    abstract double get(int position);

    abstract void set(int position, double value);

    static final class Floats extends Values {
        private final FloatBuffer buffer;

        Floats(INDArray array) {
            super(array);
            buffer = array.data().asNioFloat();
        }

        @Override
        double get(int position) {
            return buffer.get(position);
        }

        @Override
        void set(int position, double value) {
            buffer.put(position, (float) value);
        }
    }

    static final class Doubles extends Values {
        private final DoubleBuffer buffer;

        Doubles(INDArray array) {
            super(array);
            buffer = array.data().asNioDouble();
        }

        @Override
        double get(int position) {
            return buffer.get(position);
        }

        @Override
        void set(int position, double value) {
            buffer.put(position, value);
        }
    }
}
