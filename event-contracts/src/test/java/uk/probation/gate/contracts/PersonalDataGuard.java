package uk.probation.gate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds property names that are personal data of the person (names, date of birth, address, contact details) in a
 * JSON Schema, at any depth, or in a payload record. Events carry identifiers and codes only.
 */
final class PersonalDataGuard {

    private static final Set<String> PERSONAL = Set.of("name", "firstname", "lastname", "surname", "forename",
            "fullname", "givenname", "middlename", "familyname", "personname", "dateofbirth", "dob", "birthdate",
            "address", "postcode", "phone", "telephone", "mobile", "email");
    // compounds such as homeAddress, contactEmail, mobilePhone; "name" and "dob" alone would catch codes like projectName
    private static final Set<String> PERSONAL_SUFFIXES = Set.of("firstname", "lastname", "surname", "forename",
            "fullname", "dateofbirth", "birthdate", "address", "postcode", "phone", "mobile", "email");

    private PersonalDataGuard() {
    }

    static boolean isPersonal(String propertyName) {
        String name = propertyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PERSONAL.contains(name) || PERSONAL_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Paths of personal-data properties declared (or required) anywhere in the schema. */
    static List<String> findIn(JsonNode schema) {
        List<String> found = new ArrayList<>();
        walk(schema, "", found);
        return found;
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (("properties".equals(key) || "patternProperties".equals(key)) && value.isObject()) {
                    value.properties().stream().map(Map.Entry::getKey).filter(PersonalDataGuard::isPersonal)
                            .forEach(name -> found.add(path + "/" + key + "/" + name));
                }
                if ("required".equals(key) && value.isArray()) {
                    value.forEach(name -> {
                        if (isPersonal(name.asText())) {
                            found.add(path + "/required/" + name.asText());
                        }
                    });
                }
                walk(value, path + "/" + key, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, found);
            }
        }
    }

    /** Paths of personal-data components of the record, following nested records and lists of records. */
    static List<String> findIn(Class<? extends Record> type) {
        List<String> found = new ArrayList<>();
        walk(type, type.getSimpleName(), found);
        return found;
    }

    private static void walk(Class<?> type, String path, List<String> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            String componentPath = path + "." + component.getName();
            if (isPersonal(component.getName())) {
                found.add(componentPath);
            }
            nestedRecord(component.getGenericType()).ifPresent(nested -> walk(nested, componentPath, found));
        }
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return nestedRecord(p.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }
}
