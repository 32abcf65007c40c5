"""PyTorch CPU training throughput of the workbench's 'conv', 'dense' and 'residual' DAEs.
Same shapes, batch, optimizer and loss as the project's `bench` command. conv and dense are
the shared reference script's definitions unchanged; residual adds the DnCNN default
(depth 8, width 32, batch norm, MSE on clamp(input - predicted noise)).
Usage: python3 torch_train_bench.py conv|dense|residual SAMPLES THREADS -> one JSON line."""
import json, sys, time
import torch, torch.nn as nn
arch, n, th = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(th); torch.manual_seed(1)
if arch == "conv":
    net = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
                        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
                        nn.Conv2d(32, 1, 3, padding=1), nn.Sigmoid())
    x = torch.rand(n, 1, 28, 28)
elif arch == "residual":
    layers = [nn.Conv2d(1, 32, 3, padding=1), nn.ReLU()]
    for _ in range(6):
        layers += [nn.Conv2d(32, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU()]
    layers += [nn.Conv2d(32, 1, 3, padding=1)]
    noise_net = nn.Sequential(*layers)
    class Residual(nn.Module):
        def __init__(self):
            super().__init__(); self.body = noise_net
        def forward(self, x):
            return (x - self.body(x)).clamp(0, 1)
    net = Residual()
    x = torch.rand(n, 1, 28, 28)
else:
    net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 64), nn.ReLU(),
                        nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784), nn.Sigmoid())
    x = torch.rand(n, 784)
opt = torch.optim.Adam(net.parameters(), 1e-3); lossf = nn.MSELoss() if arch == "residual" else nn.BCELoss()
def epoch():
    for i in range(0, n, 128):
        b = x[i:i + 128]
        opt.zero_grad(); lossf(net((b + 0.5 * torch.randn_like(b)).clamp(0, 1)), b).backward(); opt.step()
epoch()
t = time.time(); epoch(); epoch(); s = time.time() - t
print(json.dumps({"framework": "pytorch " + torch.__version__, "arch": arch, "threads": th,
                  "train_samples_per_s": round(2 * n / s, 1)}))
