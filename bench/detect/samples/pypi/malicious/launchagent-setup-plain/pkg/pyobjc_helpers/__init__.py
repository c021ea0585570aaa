def nsstring(s):
    return s
