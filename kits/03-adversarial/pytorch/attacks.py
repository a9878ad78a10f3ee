"""The attacks of `katas bench adversarial`, in PyTorch, op for op as kata 03's reference solutions
(solutions/03-adversarial: InputGradient, SignAttack, GradientSignAttacks), for the side-by-side throughput of
`katas bench adversarial --pytorch`.

The benchmark starts this script with a folder of .npy files it wrote: for each victim (pets, fashion) its weights and
buffers under their TorchSharp names, its pictures and their labels. So both sides attack the same network on the same
pictures. Then it sends one JSON command per line on stdin and reads one JSON reply per line on stdout:
  {"command": "attack", "victim": "pets", "method": "sign", "batch": 10, "passes": 1, "steps": 4, "target": 1}
  {"command": "attack", "victim": "pets", "method": "fgsm", "batch": 10, "passes": 1, "epsilon": 0.0313}
  {"command": "attack", "victim": "pets", "method": "pgd", "batch": 10, "passes": 1, "epsilon": 0.0313, "steps": 10}
      -> seconds (wall and CPU) of all the passes over the pictures and a check: how many pictures the victim still
         classifies as labelled after the last pass (the sign attack: how many it classifies as the target), to compare
         with the C# side
  {"command": "quit"}
Threads: torch.set_num_threads(KATAS_THREADS); the benchmark sets OPENBLAS_NUM_THREADS and OMP_NUM_THREADS too.
"""
import json
import os
import sys
import time
from collections import OrderedDict

import numpy as np
import torch
from torch import nn

BATCH_NORM_EPSILON = 1e-3  # Keras' epsilon, as PetsNetwork.BatchNormEpsilon


class ChannelsLast(nn.Module):
    """ChannelsLast (src/Katas.Victims/ChannelsLast.cs): the victims lay their feature maps out channels last."""
    def forward(self, maps):
        return maps.contiguous(memory_format=torch.channels_last)


def pets_network():
    """PetsNetwork (src/Katas.Victims/PetsNetwork.cs), with the same module names."""
    def block(inputs, filters):
        return nn.Sequential(OrderedDict([
            ("conv", nn.Conv2d(inputs, filters, 3)), ("relu", nn.ReLU()),
            ("norm", nn.BatchNorm2d(filters, eps=BATCH_NORM_EPSILON, momentum=0.1)),
            ("pool", nn.MaxPool2d(2)), ("dropout", nn.Dropout(0.25))]))

    network = nn.Module()
    network.features = nn.Sequential(OrderedDict([
        ("layout", ChannelsLast()), ("block1", block(3, 32)), ("block2", block(32, 64)), ("block3", block(64, 128)),
        ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten())]))
    network.classifier = nn.Sequential(OrderedDict([
        ("dense", nn.Linear(128, 512)), ("relu", nn.ReLU()),
        ("norm", nn.BatchNorm1d(512, eps=BATCH_NORM_EPSILON, momentum=0.1)),
        ("dropout", nn.Dropout(0.5)), ("output", nn.Linear(512, 2))]))
    network.forward = lambda images: network.classifier(network.features(images))
    return network


def fashion_network():
    """FashionNetwork (src/Katas.Victims/FashionNetwork.cs), with the same module names."""
    network = nn.Module()
    network.layers = nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 32, 3)), ("layout", ChannelsLast()), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(32, 64, 3)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
        ("dropout1", nn.Dropout(0.25)), ("flatten", nn.Flatten()),
        ("dense", nn.Linear(64 * 5 * 5, 128)), ("relu3", nn.ReLU()), ("dropout2", nn.Dropout(0.25)),
        ("output", nn.Linear(128, 10))]))
    network.forward = lambda images: network.layers(images)
    return network


def load_victim(folder, name, network):
    """Loads every parameter and buffer the benchmark wrote as NAME.KEY.npy: none may be missing, none extra."""
    prefix = name + "."
    state = {file[len(prefix):-4]: torch.from_numpy(np.load(os.path.join(folder, file)))
             for file in os.listdir(folder) if file.startswith(prefix) and file.endswith(".npy")
             and file[len(prefix):-4] not in ("pictures", "labels")}
    result = network.load_state_dict(state, strict=False)
    # Only batch norm's step counter may be missing (TorchSharp need not save it; eval mode never reads it).
    if result.unexpected_keys or any(not key.endswith("num_batches_tracked") for key in result.missing_keys):
        raise ValueError(f"{name}: weights do not match the network: missing {result.missing_keys}, unexpected {result.unexpected_keys}")
    freeze(network)
    pictures = torch.from_numpy(np.load(os.path.join(folder, prefix + "pictures.npy")))
    labels = torch.from_numpy(np.load(os.path.join(folder, prefix + "labels.npy")))
    return network, pictures, labels


def freeze(model):
    """InputGradient.Freeze: eval mode, no parameter requires grad."""
    model.eval()
    for parameter in model.parameters():
        parameter.requires_grad_(False)


def input_gradient(model, images, loss):
    """InputGradient.Of: freeze, differentiate loss(model(copy)) with respect to a copy, return a copy of its gradient."""
    freeze(model)
    x = images.detach().clone().requires_grad_()
    value = loss(model(x))
    value.backward()
    return x.grad.detach().clone()


def probability_gap(logits, target):
    """InputGradient.ProbabilityGap."""
    probabilities = torch.softmax(logits, 1)
    target_probability = probabilities[:, target]
    return (probabilities.sum(1) - target_probability - target_probability).sum()


def sign_attack(model, images, target, steps, size=1.0 / 255):
    """SignAttack.Run: every step's images and probabilities are kept, as the C# side returns them."""
    freeze(model)
    x = images.detach().clone()
    kept = [x.clone()]
    probabilities = [probabilities_of(model, x)]
    for _ in range(steps):
        gradient = input_gradient(model, x, lambda logits: probability_gap(logits, target))
        with torch.no_grad():
            x.sub_(gradient.sign() * size).clamp_(0, 1)
        kept.append(x.clone())
        probabilities.append(probabilities_of(model, x))
    return kept[-1]


def probabilities_of(model, images):
    with torch.no_grad():
        return torch.softmax(model(images), 1)


def cross_entropy_gradient(model, images, labels):
    return input_gradient(model, images, lambda logits: nn.functional.cross_entropy(logits, labels, reduction="sum"))


def fgsm(model, images, labels, epsilon):
    """GradientSignAttacks.Fgsm."""
    gradient = cross_entropy_gradient(model, images, labels)
    return (images.detach() + gradient.sign() * epsilon).clamp(0, 1)


def pgd(model, images, labels, epsilon, step_size, steps):
    """GradientSignAttacks.Pgd, without a random start."""
    original = images.detach()
    lower = (original - epsilon).clamp_min(0)
    upper = (original + epsilon).clamp_max(1)
    x = original.clone()
    for _ in range(steps):
        gradient = cross_entropy_gradient(model, x, labels)
        with torch.no_grad():
            x.add_(gradient.sign() * step_size)
            x.copy_(torch.minimum(torch.maximum(x, lower), upper))
    return x


def attack_pass(model, pictures, labels, method, batch, command):
    """One pass of the attack over all the pictures in batches: the attacked batches with their labels."""
    results = []
    for start in range(0, pictures.shape[0], batch):
        length = min(batch, pictures.shape[0] - start)
        images, truth = pictures.narrow(0, start, length), labels.narrow(0, start, length)
        if method == "sign":
            results.append((sign_attack(model, images, command["target"], command["steps"]), truth))
        elif method == "fgsm":
            results.append((fgsm(model, images, truth, command["epsilon"]), truth))
        else:
            results.append((pgd(model, images, truth, command["epsilon"], command["epsilon"] / 4, command["steps"]), truth))
    return results


def main():
    folder = sys.argv[1]
    torch.set_num_threads(int(os.environ.get("KATAS_THREADS", "1")))
    victims = {"pets": load_victim(folder, "pets", pets_network()), "fashion": load_victim(folder, "fashion", fashion_network())}
    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if command["command"] == "quit":
            break
        try:
            model, pictures, labels = victims[command["victim"]]
            method, batch, passes = command["method"], command["batch"], command.get("passes", 1)
            clock, cpu = time.perf_counter(), time.thread_time()
            for _ in range(passes):  # a quick attack is timed over several passes; the check counts the last one
                results = attack_pass(model, pictures, labels, method, batch, command)
            seconds, cpu_seconds = time.perf_counter() - clock, time.thread_time() - cpu
            with torch.no_grad():
                if method == "sign":
                    check = sum(int(model(x).argmax(1).eq(command["target"]).sum()) for x, _ in results)
                else:
                    check = sum(int(model(x).argmax(1).eq(truth).sum()) for x, truth in results)
            reply = {"seconds": seconds, "cpu_seconds": cpu_seconds, "check": check}
        except Exception as error:  # the benchmark shows the message and stops
            reply = {"error": repr(error)}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
