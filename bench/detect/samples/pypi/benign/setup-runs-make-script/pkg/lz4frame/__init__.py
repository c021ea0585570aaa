def version():
    return "1.9.4"
