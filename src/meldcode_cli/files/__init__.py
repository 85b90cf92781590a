"""Every file meldcode reads or writes: bounded JSON, safe writes, the OS seam."""
