package org.jixiao.common.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

/**
 * A JSON string the services cannot accept (see {@link org.jixiao.common.domain.Texts}). A mapping
 * exception rather than a domain one, so that Jackson adds the path to the culprit while it unwinds
 * and the problem can point at it.
 */
public class InvalidTextException extends JsonMappingException {

    public InvalidTextException(JsonParser parser, String message) {
        super(parser, message);
    }

    /** The JSON Pointer to the offending string, e.g. {@code /indicators/0/name}. */
    public String pointer() {
        StringBuilder sb = new StringBuilder();
        for (Reference ref : getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** The same refusal as every other broken rule: 400 {@code invalid-text}. */
    public DomainException asBrokenRule() {
        return DomainException.invalid("invalid-text", "Invalid text", pointer() + ": " + getOriginalMessage(),
                List.of(new Violation(pointer(), getOriginalMessage())));
    }
}
