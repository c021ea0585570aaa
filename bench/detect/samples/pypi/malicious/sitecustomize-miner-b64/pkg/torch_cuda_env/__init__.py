CUDA = "12.1"
