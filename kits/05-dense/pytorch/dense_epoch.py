"""The built-in network's training epoch of `katas bench dense`, in PyTorch, op for op as the kit's loop
(kits/05-dense/DenseEpoch.cs), for the side-by-side timing of `katas bench dense --pytorch`.

The benchmark starts this script with a folder of .npy files it wrote: the training images as bytes [n, 784], their
labels, the epoch's order, and the network's initial weights. So both sides train the same network from the same
weights on the same pictures in the same order. Then it sends one JSON command per line on stdin and reads one JSON
reply per line on stdout:
  {"command": "epoch"}   one epoch from the initial weights -> seconds (wall and CPU), phases, loss, accuracy
  {"command": "matmul"}  this side's float32 matrix-multiply rate at the benchmark's two shapes -> GFLOP/s
  {"command": "quit"}
Threads: torch.set_num_threads(KATAS_THREADS); the benchmark sets OPENBLAS_NUM_THREADS and OMP_NUM_THREADS too.
"""
import json
import os
import sys
import time

import numpy as np
import torch

EVALUATION_CHUNK = 5000  # as DenseEpoch.EvaluationChunk


def load(folder, name):
    return torch.from_numpy(np.load(os.path.join(folder, name + ".npy")))


def main():
    folder, batch_size = sys.argv[1], int(sys.argv[2])
    threads = int(os.environ.get("KATAS_THREADS", "1"))
    torch.set_num_threads(threads)
    # As DenseData: the learner's Preprocessing.Flatten, bytes to float32 divided by 255.
    images = load(folder, "images").reshape(-1, 784).to(torch.float32).div_(255)
    labels = load(folder, "labels")
    order = load(folder, "order")
    initial = {name: load(folder, name) for name in ("hidden.weight", "hidden.bias", "output.weight", "output.bias")}
    shuffled_images = torch.empty_like(images)
    shuffled_labels = torch.empty_like(labels)
    count = images.shape[0]

    def epoch():
        model = torch.nn.Sequential()
        model.add_module("hidden", torch.nn.Linear(784, 512))
        model.add_module("relu", torch.nn.ReLU())
        model.add_module("output", torch.nn.Linear(512, 10))
        with torch.no_grad():
            for name, parameter in model.named_parameters():
                parameter.copy_(initial[name])
        # BookSettings: RMSprop with Keras' defaults.
        optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
        # Phases in the thread's CPU time (time.thread_time), as DenseEpoch times them (ThreadClock).
        clock = time.perf_counter()
        cpu = time.thread_time()
        with torch.no_grad():
            inverse = order.argsort()
            shuffled_images.index_copy_(0, inverse, images)
            shuffled_labels.index_copy_(0, inverse, labels)
        shuffle = time.thread_time() - cpu
        forward = backward = update = 0.0
        model.train()
        loss_sum = torch.zeros(1, dtype=torch.float64)
        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            t0 = time.thread_time()
            model.zero_grad(set_to_none=True)
            loss = torch.nn.functional.cross_entropy(model(shuffled_images.narrow(0, start, size)), shuffled_labels.narrow(0, start, size))
            t1 = time.thread_time()
            loss.backward()
            t2 = time.thread_time()
            optimizer.step()
            t3 = time.thread_time()
            with torch.no_grad():
                loss_sum.add_(loss, alpha=size)
            forward += t1 - t0
            backward += t2 - t1
            update += t3 - t2
        mean_loss = loss_sum.item() / count
        t4 = time.thread_time()
        model.eval()
        with torch.no_grad():
            correct = torch.zeros(1, dtype=torch.int64)
            for start in range(0, count, EVALUATION_CHUNK):
                size = min(EVALUATION_CHUNK, count - start)
                correct.add_(model(images.narrow(0, start, size)).argmax(1).eq(labels.narrow(0, start, size)).sum())
            accuracy = correct.item() / count
        evaluation = time.thread_time() - t4
        return {"seconds": time.perf_counter() - clock, "cpu_seconds": time.thread_time() - cpu, "shuffle": shuffle, "forward": forward, "backward": backward, "update": update,
                "evaluation": evaluation, "loss": mean_loss, "accuracy": accuracy}

    def matmul_rate(m, k, n, repeats):
        a, b = torch.rand(m, k), torch.rand(k, n)
        best = float("inf")
        for _ in range(repeats):
            clock = time.perf_counter()
            a.matmul(b)
            best = min(best, time.perf_counter() - clock)
        return 2.0 * m * k * n / best / 1e9

    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads(), "images": count}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)["command"]
        if command == "quit":
            break
        try:
            if command == "epoch":
                reply = epoch()
            elif command == "matmul":
                reply = {"square": matmul_rate(1024, 1024, 1024, 20), "layer": matmul_rate(batch_size, 784, 512, 50)}
            else:
                reply = {"error": "unknown command " + command}
        except Exception as error:  # the benchmark shows the message and stops
            reply = {"error": repr(error)}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
