#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *fnv1a(PyObject *self, PyObject *args) {
    Py_buffer buf;
    if (!PyArg_ParseTuple(args, "y*", &buf)) return NULL;
    unsigned long long h = 1469598103934665603ULL;
    const unsigned char *p = buf.buf;
    for (Py_ssize_t i = 0; i < buf.len; i++) { h ^= p[i]; h *= 1099511628211ULL; }
    PyBuffer_Release(&buf);
    return PyLong_FromUnsignedLongLong(h);
}

static PyMethodDef methods[] = {{"fnv1a", fnv1a, METH_VARARGS, "FNV-1a 64"}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_core", NULL, -1, methods};
PyMODINIT_FUNC PyInit__core(void) { return PyModule_Create(&mod); }
