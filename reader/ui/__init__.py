"""The Qt layer: widgets that present the library and forward what the user asks for."""
