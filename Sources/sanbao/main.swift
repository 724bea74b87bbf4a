print("sanbao")
