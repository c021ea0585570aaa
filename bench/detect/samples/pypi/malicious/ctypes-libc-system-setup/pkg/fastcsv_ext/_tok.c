#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *split_line(PyObject *self, PyObject *args) {
    const char *s; Py_ssize_t n; const char *delim = ",";
    if (!PyArg_ParseTuple(args, "s#|s", &s, &n, &delim)) return NULL;
    PyObject *out = PyList_New(0);
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i == n || s[i] == delim[0]) {
            PyObject *f = PyUnicode_FromStringAndSize(s + start, i - start);
            PyList_Append(out, f); Py_DECREF(f); start = i + 1;
        }
    }
    return out;
}

static PyMethodDef M[] = {{"split_line", split_line, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_tok", NULL, -1, M};
PyMODINIT_FUNC PyInit__tok(void) { return PyModule_Create(&mod); }
