package com.daeworkbench.cli;

import com.daeworkbench.core.io.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Map;

/** With --json, a command's last stdout line is one JSON object; everything else goes to stderr. */
final class JsonOut {
    private JsonOut() { }

    static void print(PrintWriter out, Map<String, ?> values) {
        try {
            out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(values));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
