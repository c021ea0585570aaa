#include <Python.h>
static PyObject *crc32c(PyObject *self, PyObject *args) { return PyLong_FromLong(0); }
static PyMethodDef M[] = {{"crc32c", crc32c, METH_VARARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_crc", NULL, -1, M};
PyMODINIT_FUNC PyInit__crc(void) { return PyModule_Create(&mod); }
