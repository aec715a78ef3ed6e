"""Pages of publicity: the public portal (`public`), other channels (`channels`) and the staff
workbench (`staff`)."""
