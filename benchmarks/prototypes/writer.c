/*
 * A measuring prototype, not part of the library: the fastest JSON writer of the library's
 * models that we could write, to show where the ceiling of issue 18's encoding goal lies.
 *
 * It writes the same bytes as `to_json` for the benchmark's agreements (the benchmark checks
 * this before timing it) and calls no Python code: each model's fields are read from their
 * slots by offset, in the order and with the defaults that `_json/_gen.py` uses; classes, enum
 * members and terms are found in a table keyed by address (a term's text is asked of the
 * library once per term object). Whatever it does not know (a Decimal, a lone surrogate...) it
 * refuses with TypeError; it is built
 * and loaded by `benchmarks/_prototype_writer.py` only when a C compiler is present.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>

/* --- the output buffer ------------------------------------------------------------------ */

typedef struct {
    char *bytes;
    Py_ssize_t size, capacity;
} Buffer;

static int reserve(Buffer *out, Py_ssize_t more) {
    if (out->size + more <= out->capacity) return 0;
    Py_ssize_t capacity = out->capacity * 2;
    if (capacity < out->size + more) capacity = out->size + more + 4096;
    char *bytes = PyMem_Realloc(out->bytes, capacity);
    if (bytes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    out->bytes = bytes;
    out->capacity = capacity;
    return 0;
}

static int put(Buffer *out, const char *text, Py_ssize_t size) {
    if (reserve(out, size)) return -1;
    memcpy(out->bytes + out->size, text, size);
    out->size += size;
    return 0;
}

static int put_char(Buffer *out, char c) {
    if (reserve(out, 1)) return -1;
    out->bytes[out->size++] = c;
    return 0;
}

/* --- what is known of each class, enum member and term, by address ---------------------- */

typedef struct {
    PyObject *key;     /* bytes: the quoted key and its colon, or a whole constant member */
    Py_ssize_t offset; /* of the slot; -1 for a constant member such as an event's tag */
    PyObject *omitted; /* the default left out, compared by identity; NULL: always written */
} Field;

typedef struct {
    Py_ssize_t count;
    Field *fields;
} Plan;

#define MAX_PLANS 128
static Plan plans[MAX_PLANS];
static int plan_count = 0;

#define TABLE_SIZE 8192 /* a power of two */
static void *table_keys[TABLE_SIZE];
static PyObject *table_texts[TABLE_SIZE]; /* the text of an enum member or a term */
static int table_plans[TABLE_SIZE];       /* the plan of a class */
static Py_ssize_t table_used = 0;

static Py_ssize_t slot_of(void *key) {
    Py_ssize_t i = (Py_ssize_t)((((uintptr_t)key >> 4) * 2654435761u) & (TABLE_SIZE - 1));
    while (table_keys[i] != NULL && table_keys[i] != key) i = (i + 1) & (TABLE_SIZE - 1);
    return i;
}

static void remember(PyObject *key, PyObject *text, int plan) {
    if (table_used >= TABLE_SIZE / 2) return; /* full enough: found the slow way from now on */
    Py_ssize_t i = slot_of(key);
    if (table_keys[i] != NULL) return;
    Py_INCREF(key); /* kept alive: its address is the key */
    Py_XINCREF(text);
    table_keys[i] = key;
    table_texts[i] = text;
    table_plans[i] = plan;
    table_used++;
}

static PyTypeObject *term_type = NULL;
static PyObject *term_text = NULL; /* the library's own function: a term's text */
static PyTypeObject *localized_type = NULL;
static Py_ssize_t localized_offset = -1; /* of LocalizedText's dict of texts */

/* --- writing ---------------------------------------------------------------------------- */

static const char HEX[] = "0123456789abcdef";

/* A str as json.dumps(ensure_ascii=False) writes it, in UTF-8. */
static int write_str(Buffer *out, PyObject *text) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (reserve(out, length * 6 + 2)) return -1;
    char *o = out->bytes + out->size;
    *o++ = '"';
    if (PyUnicode_IS_ASCII(text)) {
        const unsigned char *ascii = data;
        Py_ssize_t i = 0;
        while (i < length && ascii[i] >= 0x20 && ascii[i] != '"' && ascii[i] != '\\') i++;
        if (i == length) {
            memcpy(o, ascii, length);
            o += length;
            *o++ = '"';
            out->size = o - out->bytes;
            return 0;
        }
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
        } else if (c < 0x20) {
            *o++ = '\\';
            switch (c) {
                case '\n': *o++ = 'n'; break;
                case '\r': *o++ = 'r'; break;
                case '\t': *o++ = 't'; break;
                case '\b': *o++ = 'b'; break;
                case '\f': *o++ = 'f'; break;
                default:
                    *o++ = 'u';
                    *o++ = '0';
                    *o++ = '0';
                    *o++ = HEX[c >> 4];
                    *o++ = HEX[c & 15];
            }
        } else if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xc0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            if (c >= 0xd800 && c <= 0xdfff) {
                PyErr_SetString(PyExc_TypeError, "a lone surrogate: not written by the prototype");
                return -1;
            }
            *o++ = (char)(0xe0 | (c >> 12));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3f));
            *o++ = (char)(0x80 | (c & 0x3f));
        } else {
            *o++ = (char)(0xf0 | (c >> 18));
            *o++ = (char)(0x80 | ((c >> 12) & 0x3f));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3f));
            *o++ = (char)(0x80 | (c & 0x3f));
        }
    }
    *o++ = '"';
    out->size = o - out->bytes;
    return 0;
}

static int write_value(Buffer *out, PyObject *value);

static int write_model(Buffer *out, PyObject *model, const Plan *plan) {
    int first = 1;
    if (put_char(out, '{')) return -1;
    for (Py_ssize_t i = 0; i < plan->count; i++) {
        const Field *field = &plan->fields[i];
        PyObject *value = NULL;
        if (field->offset >= 0) {
            value = *(PyObject **)((char *)model + field->offset);
            if (value == NULL) {
                PyErr_SetString(PyExc_AttributeError, "a slot without a value");
                return -1;
            }
            if (value == field->omitted) continue;
        }
        if (!first && put_char(out, ',')) return -1;
        first = 0;
        if (put(out, PyBytes_AS_STRING(field->key), PyBytes_GET_SIZE(field->key))) return -1;
        if (value != NULL && write_value(out, value)) return -1;
    }
    return put_char(out, '}');
}

static int write_value(Buffer *out, PyObject *value) {
    PyTypeObject *type = Py_TYPE(value);
    if (type == &PyUnicode_Type) return write_str(out, value);
    if (value == Py_None) return put(out, "null", 4);
    if (value == Py_True) return put(out, "true", 4);
    if (value == Py_False) return put(out, "false", 5);
    if (type == &PyLong_Type) {
        PyObject *text = PyObject_Str(value);
        if (text == NULL) return -1;
        Py_ssize_t size;
        const char *digits = PyUnicode_AsUTF8AndSize(text, &size);
        int failed = digits == NULL || put(out, digits, size);
        Py_DECREF(text);
        return failed ? -1 : 0;
    }
    if (type == &PyTuple_Type) {
        if (put_char(out, '[')) return -1;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(value); i++) {
            if (i && put_char(out, ',')) return -1;
            if (write_value(out, PyTuple_GET_ITEM(value, i))) return -1;
        }
        return put_char(out, ']');
    }
    if (type == PyDateTimeAPI->DateType) {
        char text[16];
        int size = snprintf(text, sizeof text, "\"%04d-%02d-%02d\"", PyDateTime_GET_YEAR(value),
                            PyDateTime_GET_MONTH(value), PyDateTime_GET_DAY(value));
        return put(out, text, size);
    }
    if (type == localized_type) {
        PyObject *texts = *(PyObject **)((char *)value + localized_offset);
        PyObject *locale, *text;
        Py_ssize_t position = 0;
        int first = 1;
        if (put_char(out, '{')) return -1;
        while (PyDict_Next(texts, &position, &locale, &text)) {
            if (!first && put_char(out, ',')) return -1;
            first = 0;
            if (write_str(out, locale) || put_char(out, ':') || write_str(out, text)) return -1;
        }
        return put_char(out, '}');
    }
    Py_ssize_t i = slot_of(type);
    if (table_keys[i] != NULL) return write_model(out, value, &plans[table_plans[i]]);
    i = slot_of(value);
    if (table_keys[i] != NULL) return write_str(out, table_texts[i]);
    if (type == term_type) { /* the one Python call: a term met for the first time */
        PyObject *text = PyObject_CallOneArg(term_text, value);
        if (text == NULL) return -1;
        int failed = !PyUnicode_Check(text) || write_str(out, text);
        if (!failed) remember(value, text, -1);
        Py_DECREF(text);
        return failed ? -1 : 0;
    }
    PyErr_Format(PyExc_TypeError, "the prototype cannot write %s", type->tp_name);
    return -1;
}

/* --- the module ------------------------------------------------------------------------- */

static Py_ssize_t offset_of(PyObject *descriptor) {
    return ((PyMemberDescrObject *)descriptor)->d_member->offset;
}

/* setup(plans, constant, Term, term_text, enum_texts, LocalizedText, its texts' slot descriptor)
 *   plans: [(class, [(key bytes, slot descriptor or None, omitted default or `constant`)])]
 *   constant: the marker of a field that is always written
 *   enum_texts: {member: its value}, for enums whose values are str */
static PyObject *setup(PyObject *self, PyObject *args) {
    PyObject *plan_list, *constant, *term, *text_of_term, *enum_texts, *localized, *texts_slot;
    if (!PyArg_ParseTuple(args, "O!OO!OO!O!O", &PyList_Type, &plan_list, &constant, &PyType_Type,
                          &term, &text_of_term, &PyDict_Type, &enum_texts, &PyType_Type,
                          &localized, &texts_slot)) {
        return NULL;
    }
    if (plan_count || PyList_GET_SIZE(plan_list) > MAX_PLANS) {
        PyErr_SetString(PyExc_ValueError, "set up once, with at most 128 classes");
        return NULL;
    }
    term_type = (PyTypeObject *)Py_NewRef(term);
    term_text = Py_NewRef(text_of_term);
    Py_INCREF(localized);
    localized_type = (PyTypeObject *)localized;
    localized_offset = offset_of(texts_slot);
    PyObject *member, *text;
    Py_ssize_t position = 0;
    while (PyDict_Next(enum_texts, &position, &member, &text)) remember(member, text, -1);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(plan_list); i++) {
        PyObject *entry = PyList_GET_ITEM(plan_list, i);
        PyObject *fields = PyTuple_GET_ITEM(entry, 1);
        Plan *plan = &plans[plan_count];
        plan->count = PyList_GET_SIZE(fields);
        plan->fields = PyMem_Calloc(plan->count, sizeof(Field));
        if (plan->fields == NULL) return PyErr_NoMemory();
        for (Py_ssize_t j = 0; j < plan->count; j++) {
            PyObject *spec = PyList_GET_ITEM(fields, j);
            PyObject *slot = PyTuple_GET_ITEM(spec, 1), *omitted = PyTuple_GET_ITEM(spec, 2);
            plan->fields[j].key = Py_NewRef(PyTuple_GET_ITEM(spec, 0));
            plan->fields[j].offset = slot == Py_None ? -1 : offset_of(slot);
            plan->fields[j].omitted = omitted == constant ? NULL : Py_NewRef(omitted);
        }
        remember(PyTuple_GET_ITEM(entry, 0), NULL, plan_count++);
    }
    Py_RETURN_NONE;
}

static PyObject *dumps(PyObject *self, PyObject *value) {
    Buffer out = {NULL, 0, 0};
    if (reserve(&out, 1 << 16) || write_value(&out, value)) {
        PyMem_Free(out.bytes);
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(out.bytes, out.size);
    PyMem_Free(out.bytes);
    return result;
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_VARARGS, "Learn the classes, enums and terms to write."},
    {"dumps", dumps, METH_O, "The JSON bytes of a model or a tuple of models."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "writer", NULL, -1, methods};

PyMODINIT_FUNC PyInit_writer(void) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) return NULL;
    return PyModule_Create(&module);
}
