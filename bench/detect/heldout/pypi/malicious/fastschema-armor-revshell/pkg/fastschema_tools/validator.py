class SchemaError(ValueError):
    pass


_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
          "object": dict, "array": list, "null": type(None)}


def validate(instance, schema, path="$"):
    t = schema.get("type")
    if t and not isinstance(instance, _TYPES[t]):
        raise SchemaError(f"{path}: expected {t}")
    if t == "object":
        for key in schema.get("required", []):
            if key not in instance:
                raise SchemaError(f"{path}: missing {key}")
        for key, sub in schema.get("properties", {}).items():
            if key in instance:
                validate(instance[key], sub, f"{path}.{key}")
    if t == "array" and "items" in schema:
        for i, item in enumerate(instance):
            validate(item, schema["items"], f"{path}[{i}]")
    return True
