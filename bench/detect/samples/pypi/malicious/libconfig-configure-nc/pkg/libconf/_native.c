#include <Python.h>

static PyMethodDef Methods[] = {{NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "_native", NULL, -1, Methods};
PyMODINIT_FUNC PyInit__native(void) { return PyModule_Create(&mod); }
