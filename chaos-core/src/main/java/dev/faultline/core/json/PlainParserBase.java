package dev.faultline.core.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What {@link PlainJsonParser} owes {@link com.fasterxml.jackson.core.JsonParser} besides its
 * tokens: the current name and text, and the many methods the template reader never calls
 * (numbers, locations, codecs), which give up or answer "not available".
 */
abstract class PlainParserBase extends ParserMinimalBase {

    /** Set once the parser gave up; what was read with it must then be thrown away. */
    boolean gaveUp;
    boolean closed;
    /** The last field name read. */
    String name;
    /** The last string value read, once made (see {@link #stringValue()}). */
    String value;

    PlainParserBase() {
        super(StreamReadConstraints.defaults());
    }

    /**
     * Marks the parser as given up and returns the exception that stops the reader.
     *
     * @return the exception to throw
     */
    abstract GaveUp giveUp();

    /** Thrown to stop the reader when the text needs Jackson; carries no stack trace. */
    static final class GaveUp extends IOException {
        private static final long serialVersionUID = 1L;

        GaveUp() {
            super("not plain JSON", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    // ---- what JsonParser asks for ------------------------------------------------------------

    @Override
    protected void _handleEOF() throws JsonParseException {
        gaveUp = true;
        throw new JsonParseException(this, "Unexpected end of input");
    }

    @Override
    public String currentName() {
        return _currToken == JsonToken.FIELD_NAME ? name : null;
    }

    @Override
    @Deprecated
    public String getCurrentName() {
        return currentName();
    }

    /** The current string value, made from the text on first use. */
    abstract String stringValue();

    @Override
    public String getText() {
        if (_currToken == JsonToken.VALUE_STRING) {
            return stringValue();
        }
        if (_currToken == JsonToken.FIELD_NAME) {
            return name;
        }
        return _currToken == null ? null : _currToken.asString();
    }

    @Override
    public char[] getTextCharacters() {
        String t = getText();
        return t == null ? null : t.toCharArray();
    }

    @Override
    public boolean hasTextCharacters() {
        return false;
    }

    @Override
    public int getTextLength() {
        String t = getText();
        return t == null ? 0 : t.length();
    }

    @Override
    public int getTextOffset() {
        return 0;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public JsonStreamContext getParsingContext() {
        throw new UnsupportedOperationException("PlainJsonParser keeps no parsing context");
    }

    @Override
    public void overrideCurrentName(String newName) {
        throw new UnsupportedOperationException("PlainJsonParser does not rename fields");
    }

    @Override
    public ObjectCodec getCodec() {
        return null;
    }

    @Override
    public void setCodec(ObjectCodec codec) {
        throw new UnsupportedOperationException("PlainJsonParser has no codec");
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public JsonLocation currentLocation() {
        return JsonLocation.NA;
    }

    @Override
    @Deprecated
    public JsonLocation getCurrentLocation() {
        return JsonLocation.NA;
    }

    @Override
    public JsonLocation currentTokenLocation() {
        return JsonLocation.NA;
    }

    @Override
    @Deprecated
    public JsonLocation getTokenLocation() {
        return JsonLocation.NA;
    }

    // Numbers make this parser give up, so there is never a number to give.

    @Override
    public Number getNumberValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public NumberType getNumberType() throws GaveUp {
        throw giveUp();
    }

    @Override
    public int getIntValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public long getLongValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public BigInteger getBigIntegerValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public float getFloatValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public double getDoubleValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public BigDecimal getDecimalValue() throws GaveUp {
        throw giveUp();
    }

    @Override
    public byte[] getBinaryValue(Base64Variant variant) throws GaveUp {
        throw giveUp();
    }
}
